namespace Elex.Browser.JsApi;

/// <summary>
/// A failure the JS API reports: <see cref="Code"/> and the message cross to JavaScript as separate
/// fields (<see cref="JsOutcome"/>), from which <c>elex.js</c> builds its <c>ElexError</c>.
/// </summary>
public sealed class ElexApiException : Exception
{
    /// <summary>Creates the exception with one of <see cref="ElexErrorCodes"/> and what went wrong, in words.</summary>
    public ElexApiException(string code, string message, Exception? inner = null) : base(message, inner) => Code = code;

    /// <summary>One of <see cref="ElexErrorCodes"/>.</summary>
    public string Code { get; }
}
