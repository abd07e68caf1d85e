using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Elex.Cli;

/// <summary>
/// Options whose values are checked with messages a user can act on: the option's name, the value
/// given and what it may be — the parser's own says "Cannot parse argument 'Foo' for option '--type'
/// as expected type 'Elex.Core.Queries.QueryType'".
/// </summary>
internal static class OptionValues
{
    /// <summary>An option taking one of an enum's names (case-insensitive); the error lists them all.</summary>
    public static Option<T?> OneOf<T>(string name, string description) where T : struct, Enum => new(name)
    {
        Description = $"{description} ({string.Join(", ", Enum.GetNames<T>())}).",
        CustomParser = result =>
        {
            if (Single(result) is not { } text) return null;
            // Enum.TryParse also takes "3" or "1,2"; only a defined name is a valid answer here.
            if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && Enum.GetNames<T>().Contains(text, StringComparer.OrdinalIgnoreCase))
                return value;
            result.AddError($"{name} '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
            return null;
        },
    };

    /// <summary>An option taking a whole number of at least <paramref name="minimum"/>.</summary>
    public static Option<int> WholeNumber(string name, string description, int defaultValue, int minimum) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            if (Single(result) is not { } text) return defaultValue;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum) return value;
            result.AddError($"{name} '{text}' is not a whole number of at least {minimum}.");
            return defaultValue;
        },
    };

    /// <summary>An optional option taking a number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<float?> Number(string name, string description, float minimum, float maximum) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            if (Single(result) is not { } text) return null;
            var range = string.Create(CultureInfo.InvariantCulture, $"[{minimum}, {maximum}]");
            if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
                result.AddError($"{name} '{text}' is not a number; give one in {range}.");
            else if (value < minimum || value > maximum)
                result.AddError($"{name} {text} is outside {range}.");
            else
                return value;
            return null;
        },
    };

    /// <summary>An option taking a number of seconds of at least 0.</summary>
    public static Option<double> Seconds(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            if (Single(result) is not { } text) return defaultValue;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)) return value;
            result.AddError($"{name} '{text}' is not a number of seconds (0 or more).");
            return defaultValue;
        },
    };

    private static string? Single(ArgumentResult result) => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
}
