using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Elex.Benchmarks.Reporting;

namespace Elex.Benchmarks.Server;

/// <summary>
/// A bounded (closed-loop) load generator: <c>concurrency</c> clients, each sending <c>POST /ask</c> and waiting for the
/// answer before the next, for a fixed time. Latency is the client's: request sent to the whole answer read.
/// </summary>
internal static class AskLoad
{
    public static async Task<AskLoadResult> RunAsync(Uri server, string[] questions, int concurrency, TimeSpan duration)
    {
        using var client = Client(server, concurrency);
        var bodies = questions.Select(q => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text = q }))).ToArray();
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(() => WorkerAsync(client, bodies, worker, stop))).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        return new AskLoadResult(concurrency, latencies.Length, results.Sum(r => r.Failures), elapsed, Percentiles.Of(latencies));
    }

    private static async Task<(List<double> Latencies, int Failures)> WorkerAsync(HttpClient client, byte[][] bodies, int worker, long stop)
    {
        var latencies = new List<double>(100_000);
        var failures = 0;
        for (var i = worker; Stopwatch.GetTimestamp() < stop; i += 7)
        {
            using var content = new ByteArrayContent(bodies[i % bodies.Length]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var sent = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/ask", content);
            await response.Content.LoadIntoBufferAsync();
            if (response.IsSuccessStatusCode) latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMicroseconds);
            else failures++;
        }
        return (latencies, failures);
    }

    public static HttpClient Client(Uri server, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false }) { BaseAddress = server };
        client.DefaultRequestHeaders.Add("X-Api-Key", LoopbackServer.ApiKey);
        return client;
    }
}

/// <summary>One load run: answers per second and their latency.</summary>
internal sealed record AskLoadResult(int Concurrency, int Answered, int Failed, TimeSpan Elapsed, Percentiles Latency)
{
    public double PerSecond => Answered / Elapsed.TotalSeconds;
}
