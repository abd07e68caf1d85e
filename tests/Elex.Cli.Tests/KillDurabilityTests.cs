using System.Diagnostics;
using System.Text.Json;
using Elex.Core.Learning;
using Elex.Storage;

namespace Elex.Cli.Tests;

/// <summary>
/// The durability promise, end to end: `elex ask --jsonl` runs as a child process, acknowledges
/// feedback lines, and is killed with SIGKILL; every acknowledged feedback is in the store afterwards.
/// </summary>
public class KillDurabilityTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"elex-kill-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    public static IEnumerable<object[]> Rounds => [[3]];

    [Theory]
    [MemberData(nameof(Rounds))]
    public async Task Sigkill_AfterAcknowledgedFeedback_LosesNone(int rounds)
    {
        var acknowledged = 0;
        var unacknowledged = 0;
        for (var round = 0; round < rounds; round++)
        {
            using var elex = ElexProcess.Start(null, "ask", "--jsonl", "--data", _data);
            // Each feedback rates a response of its own: a response rated again replaces its rating, which adds no visit.
            for (var i = 0; i < 4; i++)
            {
                await elex.StandardInput.WriteLineAsync(FeedbackLine($"f{i}", await Ask(elex)));
                var ack = JsonDocument.Parse(await ReadLine(elex)).RootElement;
                Assert.Equal("Applied", ack.GetProperty("feedback").GetString());
                Assert.True(ack.GetProperty("durable").GetBoolean());
                acknowledged++;
            }
            // One more, killed before its acknowledgement can be read: it may or may not have landed.
            await elex.StandardInput.WriteLineAsync(FeedbackLine("late", await Ask(elex)));
            await elex.StandardInput.FlushAsync();
            unacknowledged++;
            elex.Kill(); // SIGKILL on Unix: no shutdown code runs
            await elex.WaitForExitAsync().WaitAsync(Guard);
        }

        await using var store = await SqliteAgentStore.OpenAsync(Path.Combine(_data, "elex.db"));
        var table = QTable.FromBytes(Assert.Single(await store.LoadQTablesAsync(), t => t.AgentId == "agent-FAJ_121_3094").Data);
        var (_, visits) = table.Snapshot();
        var learned = visits.Sum();
        Assert.InRange(learned, acknowledged, acknowledged + unacknowledged);
    }

    private static async Task<string> Ask(Process elex)
    {
        await elex.StandardInput.WriteLineAsync("""{"id":"q","text":"which counters show MSM is working?"}""");
        return JsonDocument.Parse(await ReadLine(elex)).RootElement.GetProperty("responseId").GetString()!;
    }

    private static string FeedbackLine(string id, string responseId) =>
        JsonSerializer.Serialize(new { id, feedback = new { responseId, reward = 0.5, success = true } });

    private static async Task<string> ReadLine(Process process) =>
        await process.StandardOutput.ReadLineAsync().WaitAsync(Guard)
        ?? throw new InvalidOperationException("elex closed its output early");
}
