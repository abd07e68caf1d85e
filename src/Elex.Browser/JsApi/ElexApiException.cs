namespace Elex.Browser.JsApi;

/// <summary>
/// A failure the JS API reports: the message starts with <c>[CODE]</c>, which <c>elex.js</c>
/// moves into the JS error's <c>code</c> property.
/// </summary>
public sealed class ElexApiException : Exception
{
    /// <summary>Creates the exception with one of <see cref="ElexErrorCodes"/>.</summary>
    public ElexApiException(string code, string message, Exception? inner = null) : base($"[{code}] {message}", inner) =>
        (Code, Reason) = (code, message);

    /// <summary>One of <see cref="ElexErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>What went wrong, without the code.</summary>
    public string Reason { get; }
}
