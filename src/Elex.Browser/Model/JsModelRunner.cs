using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;

namespace Elex.Browser.Model;

/// <summary>
/// The model graph run by ONNX Runtime Web in JavaScript (elex-model.js registers the module
/// <c>elex-model</c> with the runtime before a model is attached). A run resolves a Promise; its
/// vectors are then taken in one synchronous call, since arrays cannot travel inside a Promise.
/// </summary>
[SupportedOSPlatform("browser")]
internal sealed partial class JsModelRunner : IModelRunner
{
    public async Task<double[]> RunAsync(int[] ids, int[] mask, int batch, int length)
    {
        await Run(ids, mask, batch, length).ConfigureAwait(true);
        return TakeOutput();
    }

    [JSImport("run", "elex-model")]
    private static partial Task Run([JSMarshalAs<JSType.Array<JSType.Number>>] int[] ids, [JSMarshalAs<JSType.Array<JSType.Number>>] int[] mask, int batch, int length);

    [JSImport("takeOutput", "elex-model")]
    [return: JSMarshalAs<JSType.Array<JSType.Number>>]
    private static partial double[] TakeOutput();
}
