using Elex.Core.IO;

namespace Elex.Core.Tests.IO;

public class InputFileTests
{
    [Fact]
    public void AnExistingFile_HasNoProblem()
    {
        var path = Path.GetTempFileName();
        try
        {
            Assert.Null(InputFile.Problem(path, "catalog file"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ADirectory_IsNamedAsOne() =>
        Assert.Equal("is a directory; give the path of a trust file", InputFile.Problem(Path.GetTempPath(), "trust file"));

    [Fact]
    public void AMissingFile_DoesNotExist() =>
        Assert.Equal("does not exist", InputFile.Problem(Path.Combine(Path.GetTempPath(), $"elex-missing-{Guid.NewGuid():N}.json"), "catalog file"));
}
