namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>Switchboard as the gateway tests see it, in either wiring: its SIP port and the admin APIs they use.</summary>
internal interface IGatewayDeployment : IAsyncLifetime
{
    int SipPort { get; }

    /// <summary>The router's admin API (/api/router/...) and the registrar's (/api/registrar/...) when all-in-one.</summary>
    string RouterApi { get; }

    /// <summary>The gateway registrar's admin API (/api/gateways).</summary>
    string GatewayApi { get; }

    /// <summary>Every process's output, for failure messages.</summary>
    string Output { get; }
}
