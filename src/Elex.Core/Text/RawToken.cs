namespace Elex.Core.Text;

/// <summary>A run of identifier characters as written (e.g. <c>MimoSleepFunction.sleepMode</c>, <c>SL-RAN</c>).</summary>
internal readonly record struct RawToken(string Text, int Start)
{
    /// <summary>True when every letter is upper case (acronym-like, e.g. <c>MSM</c>, <c>CA</c>).</summary>
    public bool IsUpperCase
    {
        get
        {
            var letters = 0;
            foreach (var c in Text)
            {
                if (char.IsAsciiLetterLower(c)) return false;
                if (char.IsAsciiLetterUpper(c)) letters++;
            }
            return letters > 0;
        }
    }
}
