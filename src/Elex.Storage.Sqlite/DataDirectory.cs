namespace Elex.Storage;

/// <summary>Where the embedded store lives: <c>--data DIR</c>, else a per-user default.</summary>
public static class DataDirectory
{
    /// <summary>The store file name inside a data directory.</summary>
    public const string StoreFileName = "elex.db";

    /// <summary>
    /// The per-user default: <c>$ELEX_DATA_DIR</c>, else <c>$XDG_DATA_HOME/elex</c>, else the
    /// platform's local application data folder + <c>elex</c> (e.g. <c>~/.local/share/elex</c>).
    /// </summary>
    public static string Default() => Default(Environment.GetEnvironmentVariable);

    /// <summary>The per-user default, reading environment variables through <paramref name="variable"/> (so a test need not change its process's environment).</summary>
    public static string Default(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (variable("ELEX_DATA_DIR") is { Length: > 0 } explicitDir) return explicitDir;
        if (variable("XDG_DATA_HOME") is { Length: > 0 } xdg) return Path.Combine(xdg, "elex");
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(local)) local = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(local, "elex");
    }

    /// <summary>Creates the directory if needed and returns the store file path inside it.</summary>
    /// <exception cref="IOException">The directory cannot be created or written.</exception>
    public static string PrepareStorePath(string? directory)
    {
        var dir = string.IsNullOrWhiteSpace(directory) ? Default() : directory;
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or NotSupportedException or ArgumentException)
        {
            throw new IOException($"Data directory '{dir}' cannot be created: {e.Message}", e);
        }
        return Path.Combine(dir, StoreFileName);
    }
}
