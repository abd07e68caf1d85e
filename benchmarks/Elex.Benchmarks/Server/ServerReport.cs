using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Elex.Benchmarks.Reporting;
using Elex.Catalog;
using Elex.Core.Routing;

namespace Elex.Benchmarks.Server;

/// <summary>
/// The <c>server</c> mode: the team server (samples/Elex.Server) on loopback Kestrel in this process, with the load
/// generator beside it on the same cores. (1) Exact-path questions/s and client latency through <c>POST /ask</c> at a
/// few concurrencies (goal: ≥ 5,000/s with P95 ≤ 5 ms). (2) 1,000 subscribers of <c>GET /stream/responses</c>: the
/// process's memory before and after they connect, then every answer fanned out to all of them.
/// </summary>
public static class ServerReport
{
    private const int Subscribers = 1000;
    private const int FannedOutQuestions = 100;

    public static async Task RunAsync(TextWriter output, string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var catalog = ElexCatalog.LoadEmbedded();
        var dev = BenchmarkData.Questions(catalog);
        // Exact path: the questions exact evidence settles, which never wait for the sentence model.
        var lexical = FeatureRouter.Build(catalog);
        var exact = dev.Where(q => lexical.IsSettled(lexical.Route(q))).ToArray();
        await using var server = await LoopbackServer.StartAsync();
        output.WriteLine($"server: {server.Features} features, sentence model on; {exact.Length} exact-path questions of {dev.Length} dev questions; " +
                         $"{Environment.ProcessorCount} cores, load generator in the same process, load average before {LoadAverage()}; {seconds:0} s per run after a 3 s warm-up");

        // Subscribers first, while the heap holds nothing of the load runs.
        await MeasureSubscribersAsync(output, server, exact);
        await CompareWithSignalRAsync(output, server, exact[0]);

        await AskLoad.RunAsync(server.Address, exact, 8, TimeSpan.FromSeconds(3));
        var table = new MarkdownTable("questions", "clients (closed loop)", "answers", "failed", "answers/s", "P50", "P95", "P99", "max");
        foreach (var concurrency in new[] { 1, 4, 16, 64 })
            Row(table, "exact path", await AskLoad.RunAsync(server.Address, exact, concurrency, TimeSpan.FromSeconds(seconds)));
        Row(table, "exact path, no HTTP (QueryAsync in process)", await SwarmLoad.RunAsync(server.Swarm, exact, 64, TimeSpan.FromSeconds(seconds)));
        Row(table, "all dev (some need the model)", await AskLoad.RunAsync(server.Address, dev, 16, TimeSpan.FromSeconds(seconds)));
        table.WriteTo(output);
        output.WriteLine($"load average after: {LoadAverage()}");
    }

    private static void Row(MarkdownTable table, string mix, AskLoadResult run) =>
        table.Row(mix, run.Concurrency.ToString(CultureInfo.InvariantCulture), run.Answered.ToString("N0", CultureInfo.InvariantCulture), run.Failed.ToString(CultureInfo.InvariantCulture),
            run.PerSecond.ToString("N0", CultureInfo.InvariantCulture), Ms(run.Latency.P50), Ms(run.Latency.P95), Ms(run.Latency.P99), Ms(run.Latency.Max));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task MeasureSubscribersAsync(TextWriter output, LoopbackServer server, string[] questions)
    {
        var (heapBefore, rssBefore) = Memory();
        await using var subscribers = await StreamSubscribers.ConnectAsync(server.Address, Subscribers);
        var feed = server.Feeds.Responses;
        var waited = Stopwatch.StartNew();
        while (feed.Subscribers < Subscribers && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
        var connected = feed.Subscribers;
        var (heapAfter, rssAfter) = Memory();
        output.WriteLine($"stream: {connected:N0} subscribers connected in {waited.Elapsed.TotalSeconds:0.0} s; managed heap +{Mb(heapAfter - heapBefore)} " +
                         $"({(heapAfter - heapBefore) / Math.Max(1, connected) / 1024.0:0.0} KB each), process RSS +{Mb(rssAfter - rssBefore)} " +
                         $"({(rssAfter - rssBefore) / Math.Max(1, connected) / 1024.0:0.0} KB each; the bare client sockets included)");

        using var client = AskLoad.Client(server.Address, 1);
        var droppedBefore = feed.Dropped;
        var expected = subscribers.Events + (long)FannedOutQuestions * connected;
        var fanOut = Stopwatch.StartNew();
        var asking = Stopwatch.StartNew();
        var latencies = new double[FannedOutQuestions];
        for (var i = 0; i < FannedOutQuestions; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            using var content = new StringContent(JsonSerializer.Serialize(new { text = questions[i % questions.Length] }), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/ask", content);
            await response.Content.LoadIntoBufferAsync();
            latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMicroseconds;
        }
        asking.Stop();
        while (subscribers.Events < expected && fanOut.Elapsed < TimeSpan.FromSeconds(60) && feed.Dropped == droppedBefore) await Task.Delay(10);
        fanOut.Stop();
        var asked = Percentiles.Of(latencies);
        output.WriteLine($"stream: {FannedOutQuestions} questions asked one at a time while {connected:N0} subscribed: POST /ask P50 {Ms(asked.P50)}, P95 {Ms(asked.P95)}; " +
                         $"{subscribers.Events:N0} of {expected:N0} events read by the subscribers {fanOut.Elapsed.TotalSeconds:0.00} s after the first question " +
                         $"({subscribers.Events / fanOut.Elapsed.TotalSeconds:N0} events/s); subscribers dropped: {feed.Dropped - droppedBefore}");
    }

    private const int Bursts = 3, BurstSize = 32;   // a burst fits a subscriber's queue (64): pure fan-out, no drops

    /// <summary>The same 1,000 subscribers and the same event through SSE (this server) and through a SignalR hub.</summary>
    private static async Task CompareWithSignalRAsync(TextWriter output, LoopbackServer server, string question)
    {
        using var client = AskLoad.Client(server.Address, 1);
        using var content = new StringContent(JsonSerializer.Serialize(new { text = question }), Encoding.UTF8, "application/json");
        using var answer = await client.PostAsync("/ask", content);
        var data = await answer.Content.ReadAsStringAsync();
        var table = new MarkdownTable("feed", "subscribers", "managed heap per subscriber", "RSS per subscriber", "events", "fan-out time", "events/s", "lost");

        var (heapBefore, rssBefore) = Memory();
        await using (var sse = await StreamSubscribers.ConnectAsync(server.Address, Subscribers))
        {
            var feed = server.Feeds.Responses;
            var waited = Stopwatch.StartNew();
            while (feed.Subscribers < Subscribers && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
            var (heapAfter, rssAfter) = Memory();
            var droppedBefore = feed.Dropped;
            var time = await FanOutAsync(() => { feed.Publish(data); return Task.CompletedTask; }, () => sse.Events, feed.Subscribers);
            table.Row("SSE (this server)", feed.Subscribers.ToString("N0", CultureInfo.InvariantCulture), Kb(heapAfter - heapBefore), Kb(rssAfter - rssBefore),
                sse.Events.ToString("N0", CultureInfo.InvariantCulture), $"{time.TotalSeconds:0.00} s", (sse.Events / time.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture),
                $"{(long)Bursts * BurstSize * Subscribers - sse.Events} ({feed.Dropped - droppedBefore} dropped)");
        }

        await using var signalR = await SignalRFeed.StartAsync();
        (heapBefore, rssBefore) = Memory();
        await signalR.ConnectAsync(Subscribers);
        var (heap, rss) = Memory();
        var signalRTime = await FanOutAsync(() => signalR.BroadcastAsync(data), () => signalR.Messages, Subscribers);
        table.Row("SignalR hub, WebSockets, JSON protocol", Subscribers.ToString("N0", CultureInfo.InvariantCulture), Kb(heap - heapBefore), Kb(rss - rssBefore),
            signalR.Messages.ToString("N0", CultureInfo.InvariantCulture), $"{signalRTime.TotalSeconds:0.00} s", (signalR.Messages / signalRTime.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture),
            ((long)Bursts * BurstSize * Subscribers - signalR.Messages).ToString(CultureInfo.InvariantCulture));
        output.WriteLine($"SSE vs SignalR: {Bursts} bursts of {BurstSize} copies of one {data.Length:N0}-character answer to {Subscribers:N0} subscribers each (clients in this process)");
        table.WriteTo(output);

        async Task<TimeSpan> FanOutAsync(Func<Task> publish, Func<long> received, int subscribers)
        {
            var start = received();
            var clock = Stopwatch.StartNew();
            for (var burst = 1; burst <= Bursts; burst++)
            {
                for (var i = 0; i < BurstSize; i++) await publish();
                var expected = start + (long)burst * BurstSize * subscribers;
                while (received() < expected && clock.Elapsed < TimeSpan.FromSeconds(120)) await Task.Delay(5);
            }
            return clock.Elapsed;
        }
    }

    private static string Kb(long bytes) => (bytes / (double)Subscribers / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    private static (long Heap, long Rss) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static string Ms(double microseconds) => (microseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
