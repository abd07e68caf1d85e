namespace Elex.TestSupport;

/// <summary>A fresh folder under the system temp directory, deleted (with SQLite pools cleared) on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder; <paramref name="prefix"/> names it so a leftover says who made it.</summary>
    public TempDirectory(string prefix = "elex-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A file's path in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The store file the swarm and the tool use in this folder.</summary>
    public string StoreFile => File("elex.db");

    /// <inheritdoc />
    public void Dispose()
    {
        // SQLite pools keep the file open; without clearing them the delete fails.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file lets go soon; the temp folder is cleaned by the OS.
        }
    }
}
