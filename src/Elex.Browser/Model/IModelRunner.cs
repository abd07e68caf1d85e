namespace Elex.Browser.Model;

/// <summary>Runs the model graph on a padded batch of token ids and gives back each row's first-token ([CLS]) vector.</summary>
public interface IModelRunner
{
    /// <summary>
    /// Runs <paramref name="batch"/> rows of <paramref name="length"/> tokens (row-major ids and
    /// attention mask) and returns <c>batch × dimensions</c> values: each row's [CLS] vector, not normalised.
    /// </summary>
    Task<double[]> RunAsync(int[] ids, int[] mask, int batch, int length);
}
