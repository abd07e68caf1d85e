namespace Elex.Hosting;

/// <summary>
/// Turns the <see cref="ArgumentException"/> a configuration's own validation throws into one line that
/// names the option by its configuration key. Nested settings wrap the inner error with their own name
/// (<c>SwarmConfig.Persistence</c> around <c>PersistencePolicy.Debounce</c>), so the chain of parameter
/// names is the key path and the innermost message says what is wrong.
/// </summary>
internal static class OptionErrors
{
    public static string Describe(string sectionPath, ArgumentException error)
    {
        var keys = new List<string>();
        var innermost = error;
        for (Exception? e = error; e is ArgumentException argument; e = e.InnerException)
        {
            if (!string.IsNullOrEmpty(argument.ParamName)) keys.Add(argument.ParamName);
            innermost = argument;
        }
        return keys.Count == 0
            ? $"{sectionPath}: {error.Message}"
            : $"{sectionPath}:{string.Join(':', keys)}: {Detail(innermost)}";
    }

    // "SwarmConfig.MaxAgents: 0 must be between 1 and 100000. (Parameter 'MaxAgents')" → "0 must be between 1 and 100000."
    private static string Detail(ArgumentException error)
    {
        var message = error.Message;
        var parameterNote = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (parameterNote >= 0) message = message[..parameterNote];
        if (error.ParamName is { Length: > 0 } parameter)
        {
            var named = message.IndexOf("." + parameter, StringComparison.Ordinal);
            if (named >= 0) message = message[(named + parameter.Length + 1)..].TrimStart(':', ' ');
        }
        return message.Trim();
    }
}
