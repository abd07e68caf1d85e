namespace Elex.Cli.Tests;

/// <summary>A file with the given content in the temp folder, deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string content, string extension = ".json")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"elex-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
