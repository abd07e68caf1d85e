using System.Text.Json;
using Elex.Server.Streaming;
using Microsoft.Extensions.DependencyInjection;

namespace Elex.Server.Tests;

/// <summary>The Server-Sent Event endpoints against the running swarm.</summary>
public sealed class StreamingTests
{
    private static readonly Credentials Operator = Credentials.ApiKey(ServerFactory.OperatorKey);

    [Fact]
    public async Task StalledSubscriber_IsDropped_AndCounted_WhileOthersGetEveryResponse()
    {
        const int capacity = 4, questions = 6;
        await using var server = ServerFactory.With(("Server:StreamQueueCapacity", capacity.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var client = server.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var live = await client.SendAsync(ServerRequests.Get("/stream/responses", Operator), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", live.Content.Headers.ContentType?.MediaType);
        using var events = new SseReader(await live.Content.ReadAsStreamAsync(timeout.Token));
        var feeds = server.Services.GetRequiredService<SwarmFeeds>();
        using var stalled = feeds.Responses.Subscribe(capacity);      // never read: a client that stopped reading

        var asked = new List<string>();
        var streamed = new List<string>();
        for (var i = 0; i < questions; i++)
        {
            using var answer = await client.AskAsync($"what is MSM? ({i})", Operator);
            Assert.Equal(200, (int)answer.StatusCode);   // the stalled subscriber never holds up an answer
            asked.Add((await answer.ReadJsonAsync()).GetProperty("responseId").GetString()!);
            // The reading client gets each response before the next question, so only the stalled queue fills.
            var e = await events.NextAsync(timeout.Token);
            Assert.Equal("responses", e?.Event);
            streamed.Add(JsonDocument.Parse(e!.Value.Data).RootElement.GetProperty("responseId").GetString()!);
        }

        Assert.Equal(asked, streamed);
        Assert.True(stalled.WasDropped);
        Assert.Equal(1, feeds.Responses.Dropped);
        var queued = new List<string>();
        while (stalled.Reader.TryRead(out var data)) queued.Add(JsonDocument.Parse(data).RootElement.GetProperty("responseId").GetString()!);
        Assert.Equal(asked[..capacity], queued);

        using var statsResponse = await client.SendAsync(ServerRequests.Get("/stats", Operator), timeout.Token);
        var responses = (await statsResponse.ReadJsonAsync()).GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "responses");
        Assert.Equal(1, responses.GetProperty("dropped").GetInt64());
        Assert.Equal(1, responses.GetProperty("subscribers").GetInt32());   // the reading client is still there
        Assert.Equal(questions, responses.GetProperty("published").GetInt64());
    }

    [Fact]
    public async Task AskStream_SendsRoutedFirst_SectionsThen_DoneLast()
    {
        await using var server = new ServerFactory();
        using var client = server.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(
            ServerRequests.Json(HttpMethod.Post, "/ask/stream", """{"text":"how do I activate MSM?","id":"q-42"}""", Credentials.ApiKey(ServerFactory.AskerKey)),
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var names = new List<string>();
        string? done = null;
        while (await events.NextAsync(timeout.Token) is { } e)
        {
            names.Add(e.Event);
            if (e.Event == "done") done = e.Data;
        }

        Assert.Equal("routed", names[0]);
        Assert.Equal("done", names[^1]);
        Assert.Contains("section", names);
        var answer = JsonDocument.Parse(done!).RootElement;
        Assert.Equal("q-42", answer.GetProperty("id").GetString());
        Assert.Equal("FAJ 121 3094", answer.GetProperty("featureCode").GetString());
    }

    [Fact]
    public async Task TelemetryStream_SendsLatencySnapshots()
    {
        // Snapshots every 50 ms instead of every second: the test waits for one, it does not time anything.
        await using var server = ServerFactory.With(("Elex:TelemetryRefresh", "00:00:00.050"));
        using var client = server.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var live = await client.SendAsync(ServerRequests.Get("/stream/telemetry", Operator), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var events = new SseReader(await live.Content.ReadAsStreamAsync(timeout.Token));
        using (await client.AskAsync("what is MSM?", Operator)) { }

        var e = await events.NextAsync(timeout.Token);

        Assert.Equal("telemetry", e?.Event);
        var snapshot = JsonDocument.Parse(e!.Value.Data).RootElement;
        Assert.True(snapshot.TryGetProperty("p95Us", out _));
        Assert.True(snapshot.TryGetProperty("count", out _));
    }
}
