namespace Elex.Cli;

/// <summary>Process exit codes of the elex tool.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int QueryFailed = 1;
    public const int Usage = 2;
    public const int CatalogUnusable = 3;
    public const int StoreUnusable = 4;
    public const int SafeZonesUnusable = 5;
}
