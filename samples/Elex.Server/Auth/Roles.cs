namespace Elex.Server.Auth;

/// <summary>The roles and authorization policies of the server.</summary>
public static class Roles
{
    /// <summary>May rate answers (<c>POST /feedback</c>): what they say teaches the agents.</summary>
    public const string Trainer = "trainer";

    /// <summary>May read <c>GET /stats</c> and the live response and telemetry streams of everyone's questions.</summary>
    public const string Operator = "operator";

    /// <summary>The policy of asking: any authenticated user.</summary>
    public const string AskPolicy = "ask";

    /// <summary>The policy of rating: role <see cref="Trainer"/>.</summary>
    public const string TrainPolicy = "train";

    /// <summary>The policy of watching the swarm: role <see cref="Operator"/>.</summary>
    public const string OperatePolicy = "operate";

    /// <summary>The claim types tokens and API keys use for the user name and roles.</summary>
    public const string NameClaim = "name", RoleClaim = "role";
}
