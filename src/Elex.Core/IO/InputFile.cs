namespace Elex.Core.IO;

/// <summary>
/// A file a user named (a catalog, a safe-zone file, a trust list). The operating system's own
/// messages mislead here — a directory given for a file reads "Access to the path is denied" — so
/// the common mistakes are named in plain words before the file is opened.
/// </summary>
public static class InputFile
{
    /// <summary>
    /// What is wrong with <paramref name="path"/> as the path of a <paramref name="what"/> (e.g.
    /// "catalog file"), or null when it names an existing file.
    /// </summary>
    public static string? Problem(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(what);
        if (Directory.Exists(path)) return $"is a directory; give the path of a {what}";
        if (File.Exists(path)) return null;
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        return parent is not null && !Directory.Exists(parent) ? $"does not exist (no directory {parent})" : "does not exist";
    }
}
