using Elex.Browser.JsApi;
using Elex.Browser.Model;

namespace Elex.Dashboard.Tests;

/// <summary>
/// A model loader the test steps by hand: each load waits until the test reports progress and then
/// completes it (ready) or fails it (fault injection). Only for the control's states; a real load
/// runs in Chromium (tests/browser/dashboard-model.test.js).
/// </summary>
internal sealed class FakeModelLoader : ISentenceModelLoader
{
    private TaskCompletionSource<ModelLoadResult>? _pending;
    private Action<ModelProgress>? _progress;

    public List<string> Urls { get; } = [];

    public JsModelStatus Status { get; set; } = JsModelStatus.None;

    public Task<ModelLoadResult> LoadAsync(string url, Action<ModelProgress>? progress)
    {
        Urls.Add(url);
        Status = Status with { State = "loading", Error = null };
        _progress = progress;
        _pending = new TaskCompletionSource<ModelLoadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        return _pending.Task;
    }

    public void Report(string phase, long loaded, long total) => _progress?.Invoke(new ModelProgress(phase, loaded, total, false));

    public void Ready(string modelId, int features)
    {
        Status = new JsModelStatus("ready", modelId, features, 0, 12, null);
        _pending!.SetResult(new ModelLoadResult("ready", modelId, features, 0, 12, null, 1000, false, 40));
    }

    public void Fail(string reason)
    {
        Status = Status with { State = "failed", Error = reason };
        _pending!.SetException(new ElexApiException(ElexErrorCodes.ModelUnavailable, $"the sentence model could not be loaded: {reason}; the swarm goes on routing on exact and lexical evidence"));
    }
}
