using Elex.Browser.JsApi;
using Elex.Core.Catalog;

namespace Elex.Browser.Tests.JsApi;

/// <summary>The seed SDK's config names keep working even where the option has no effect here.</summary>
public class JsSwarmConfigTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(0)]
    public async Task CacheSizeMB_is_accepted_and_ignored(int cacheSizeMB)
    {
        await using var session = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), $$"""{ "cacheSizeMB": {{cacheSizeMB}} }""", openStore: null);
        Assert.Contains("responseId", await session.QueryAsync("""{ "text": "what is IFLB?" }"""));
    }
}
