using System.Text;

namespace Elex.Cli.Tests;

public class EncryptedStoreTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"elex-enc-{Guid.NewGuid():N}");

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task WithAPassphrase_TheStoreHoldsNoPlainState_AndNeedsThePassphraseToOpen()
    {
        var (exit, output, error) = await ElexProcess.RunAsync("correct horse", "ask", "which counters show MSM is working?", "--data", _data);
        Assert.True(exit == 0, error);
        Assert.Contains("FAJ 121 3094", output);

        var raw = Encoding.UTF8.GetString(await ReadAllBytesShared(Path.Combine(_data, "elex.db")));
        Assert.DoesNotContain("\"interactions\"", raw);
        Assert.Contains("aes-256-gcm", raw);

        (exit, output, _) = await ElexProcess.RunAsync("correct horse", "stats", "--agent", "FAJ 121 3094", "--data", _data);
        Assert.Equal(0, exit);
        Assert.Contains("interactions 1", output);

        (exit, _, error) = await ElexProcess.RunAsync(null, "stats", "--data", _data);
        Assert.Equal(4, exit);
        Assert.Contains("ELEX_PASSPHRASE", error);

        (exit, _, error) = await ElexProcess.RunAsync("wrong", "stats", "--data", _data);
        Assert.Equal(4, exit);
        Assert.Contains("passphrase", error, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<byte[]> ReadAllBytesShared(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
