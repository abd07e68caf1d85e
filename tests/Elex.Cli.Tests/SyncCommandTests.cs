using System.Text.Json;
using Elex.SyncRelay;

namespace Elex.Cli.Tests;

public class SyncCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"elex-cli-sync-{Guid.NewGuid():N}");

    private string Data(string name) => Path.Combine(_root, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Sync_TeachesATrustingPeer_ThroughTheRelay()
    {
        await using var relay = await RelayServer.StartAsync();
        var (_, answer, _) = await CliRunner.Run("ask", "--json", "which counters show MSM is working?", "--data", Data("a"));
        var responseId = JsonDocument.Parse(answer).RootElement.GetProperty("responseId").GetString()!;
        Assert.Equal(0, (await CliRunner.Run("feedback", responseId, "--reward", "1", "--success", "--data", Data("a"))).Exit);

        var (exit, keyA, _) = await CliRunner.Run("sync", "--identity", "--data", Data("a"));
        Assert.Equal(0, exit);
        Assert.StartsWith("ed25519-pub:", keyA);
        var trustB = Path.Combine(_root, "trust-b.txt");
        await File.WriteAllTextAsync(trustB, "# swarm A\n" + keyA);

        // A publishes first; the relay's backlog hands it to B when B connects.
        var (exitA, outA, _) = await CliRunner.Run("sync", "--relay", relay.SyncEndpoint.ToString(), "--listen", "0", "--data", Data("a"));
        Assert.Equal(0, exitA);
        Assert.Contains("published 1 agent(s)", outA);
        var (exitB, outB, _) = await CliRunner.Run("sync", "--relay", relay.SyncEndpoint.ToString(), "--trust", trustB, "--listen", "1", "--data", Data("b"));
        Assert.Equal(0, exitB);
        Assert.Contains("accepted 1 delta(s)", outB);
        Assert.Contains("agents with peers' learning 1", outB);

        // C trusts nobody: A's delta is counted as untrusted, never merged.
        var (_, outC, _) = await CliRunner.Run("sync", "--relay", relay.SyncEndpoint.ToString(), "--listen", "1", "--data", Data("c"));
        Assert.Contains("accepted 0 delta(s)", outC);
        Assert.Contains("UntrustedKey", outC);
    }

    [Theory]
    [InlineData("--relay", "http://example.org/sync")]
    [InlineData("--relay", "not a url")]
    public async Task Sync_BadRelay_ExitsTwo(string option, string value)
    {
        var (exit, _, error) = await CliRunner.Run("sync", option, value, "--data", Data("bad"));
        Assert.Equal(2, exit);
        Assert.Contains("ws://", error);
    }

    [Fact]
    public async Task Sync_BadTrustFile_NamesIt()
    {
        var trust = Path.Combine(Path.GetTempPath(), $"elex-trust-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(trust, "ed25519-pub:garbage\n");
        try
        {
            var (exit, _, error) = await CliRunner.Run("sync", "--relay", "ws://127.0.0.1:1/sync", "--trust", trust, "--data", Data("t"));
            Assert.Equal(2, exit);
            Assert.Contains(trust, error);
        }
        finally
        {
            File.Delete(trust);
        }
    }
}
