using System.Diagnostics;
using System.Text.Json;
using Elex.Core.Learning;
using Elex.Reliability.Support;
using Elex.Storage;

namespace Elex.Reliability.Durability;

/// <summary>
/// The durability promise under repeated SIGKILL: <c>elex ask --jsonl</c> runs as a child process on
/// one data directory, answers a query, acknowledges feedback lines with <c>"durable": true</c>, and
/// is killed; after every kill the store holds every acknowledged feedback (Q-table visits), and the
/// next run restarts from it. 3 rounds by default, 20 with the long flag.
/// </summary>
public class RepeatedKillTests
{
    private const int AcknowledgedPerRound = 4;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    /// <summary>Kill rounds (20 with the long flag).</summary>
    public static int Rounds => ReliabilityRun.Scale(3, 20);

    [Fact]
    public async Task Sigkill_Repeatedly_NoAcknowledgedFeedbackLost()
    {
        using var data = new TempDirectory("elex-kill");
        var acknowledged = 0;
        var unacknowledged = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using (var elex = ElexProcess.Start(null, "ask", "--jsonl", "--data", data.Path))
            {
                try
                {
                    // Each feedback rates a response of its own: a response rated again replaces its rating, which adds no visit.
                    for (var i = 0; i < AcknowledgedPerRound; i++)
                    {
                        await elex.StandardInput.WriteLineAsync(FeedbackLine($"f{round}-{i}", await Ask(elex, $"q{round}-{i}")));
                        var ack = JsonDocument.Parse(await ReadLine(elex)).RootElement;
                        Assert.Equal("Applied", ack.GetProperty("feedback").GetString());
                        Assert.True(ack.GetProperty("durable").GetBoolean());
                        acknowledged++;
                    }
                    // One more, killed before its acknowledgement can be read: it may or may not have landed.
                    await elex.StandardInput.WriteLineAsync(FeedbackLine($"late{round}", await Ask(elex, $"q{round}-late")));
                    await elex.StandardInput.FlushAsync();
                    unacknowledged++;
                }
                finally
                {
                    elex.Kill(); // SIGKILL on Unix: no shutdown code runs
                    await elex.WaitForExitAsync().WaitAsync(Guard);
                }
            }

            var learned = await StoredVisits(data.StoreFile);
            Assert.True(learned >= acknowledged && learned <= acknowledged + unacknowledged,
                $"after kill {round + 1}: {learned} visits stored, {acknowledged} feedback acknowledged, {unacknowledged} sent unacknowledged");
        }
    }

    private static async Task<int> StoredVisits(string storeFile)
    {
        try
        {
            await using var store = await SqliteAgentStore.OpenAsync(storeFile);
            var table = QTable.FromBytes(Assert.Single(await store.LoadQTablesAsync(), t => t.AgentId == Sample.MsmAgent).Data);
            return table.Snapshot().Visits.Sum();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<string> Ask(Process elex, string id)
    {
        await elex.StandardInput.WriteLineAsync($$"""{"id":"{{id}}","text":"which counters show MSM is working?"}""");
        return JsonDocument.Parse(await ReadLine(elex)).RootElement.GetProperty("responseId").GetString()!;
    }

    private static string FeedbackLine(string id, string responseId) =>
        JsonSerializer.Serialize(new { id, feedback = new { responseId, reward = 0.5, success = true } });

    private static async Task<string> ReadLine(Process process) =>
        await process.StandardOutput.ReadLineAsync().WaitAsync(Guard)
        ?? throw new InvalidOperationException($"elex closed its output early: {await process.StandardError.ReadToEndAsync()}");
}
