using System.Diagnostics.CodeAnalysis;
using Microsoft.JSInterop;

namespace Elex.Browser.Tests;

/// <summary>Stands in for the browser: the JS runtime whose "import" yields a scripted elex-idb.js module.</summary>
internal sealed class FakeJsRuntime(FakeIdbModule module) : IJSRuntime
{
    public ValueTask<TValue> InvokeAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] TValue>(string identifier, object?[]? args) =>
        InvokeAsync<TValue>(identifier, CancellationToken.None, args);

    public ValueTask<TValue> InvokeAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        Assert.Equal("import", identifier);
        return ValueTask.FromResult((TValue)(object)module);
    }
}

/// <summary>A scripted module: records every call, answers from <see cref="Answer"/>.</summary>
internal sealed class FakeIdbModule : IJSObjectReference
{
    public List<(string Function, object?[] Args)> Calls { get; } = [];
    public Func<string, object?[], object?> Answer { get; set; } = (_, _) => null;
    public bool Disposed { get; private set; }

    public ValueTask<TValue> InvokeAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] TValue>(string identifier, object?[]? args) =>
        InvokeAsync<TValue>(identifier, CancellationToken.None, args);

    public ValueTask<TValue> InvokeAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        var arguments = args ?? [];
        Calls.Add((identifier, arguments));
        var answer = identifier switch
        {
            "open" => this,
            "version" => 1,
            "close" => null,
            _ => Answer(identifier, arguments),
        };
        return ValueTask.FromResult(answer is TValue value ? value : default!);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
