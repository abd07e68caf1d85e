namespace Elex.Wasm;

/// <summary>
/// The runtime needs an entry point, but nothing starts here: JavaScript drives the swarm through
/// Elex.Browser's [JSExport]s (<c>elex.js</c>), which depend on no startup code.
/// </summary>
internal static class Program
{
    private static void Main()
    {
    }
}
