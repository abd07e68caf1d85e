using Microsoft.Extensions.Options;

namespace Elex.Server;

/// <summary>Turns <see cref="ServerOptions.Validate"/>'s complaint into a failed start naming the setting.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
