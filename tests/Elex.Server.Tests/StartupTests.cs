using Microsoft.Extensions.Options;

namespace Elex.Server.Tests;

/// <summary>A configuration the server cannot run with stops its start, naming the setting.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Server:Auth:SigningKey", "too-short", "Server:Auth:SigningKey: is 9 bytes")]
    [InlineData("Server:MaxRequestBodyBytes", "10", "Server:MaxRequestBodyBytes")]
    [InlineData("Server:StreamQueueCapacity", "0", "Server:StreamQueueCapacity")]
    [InlineData("Server:RateLimit:PermitsPerWindow", "0", "Server:RateLimit:PermitsPerWindow")]
    public void BadSetting_StopsTheStart_NamingIt(string key, string value, string message)
    {
        using var server = ServerFactory.With((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => server.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
