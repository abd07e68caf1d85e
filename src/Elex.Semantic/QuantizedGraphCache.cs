using System.Security.Cryptography;
using System.Text;

namespace Elex.Semantic;

/// <summary>
/// The int8 graph kept in a data directory, so a process that needs the model loads 23 MB instead of
/// parsing and quantising the 90 MB float graph again (a one-shot <c>elex ask</c> pays ~0.3 s and
/// ~200 MB of peak memory for that). The file name hashes the model id and the model package's build,
/// so another model or package version misses. A file the runtime cannot load is replaced (the caller
/// warns).
/// </summary>
public static class QuantizedGraphCache
{
    /// <summary>The cache file for <paramref name="model"/> in <paramref name="directory"/>.</summary>
    public static string PathFor(string directory, SentenceModel model)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(model);
        var build = OnnxSentenceEncoder.PackageOf(model).ManifestModule.ModuleVersionId.ToString("N");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{model.Id}\n{model.AssemblyName}\n{build}\n{model.ModelResource}"));
        return Path.Combine(directory, $"model-{Convert.ToHexStringLower(hash)[..24]}.onnx");
    }

    /// <summary>The cached graph, or null when there is none or it cannot be read.</summary>
    public static byte[]? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the graph (whole or not at all); reports a failure through <paramref name="warn"/>.</summary>
    public static void Write(string path, byte[] graph, Action<string>? warn)
    {
        ArgumentNullException.ThrowIfNull(graph);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllBytes(temporary, graph);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn?.Invoke($"The int8 model could not be cached at {path} ({e.Message}); it is quantised again next time.");
        }
    }
}
