namespace Switchboard.GatewayRegistrar.Status;

/// <summary>Registration status per gateway, as this instance sees it.</summary>
public interface IGatewayStatus
{
    GatewayStatus? Get(string name);

    IReadOnlyList<GatewayStatus> List();
}
