using Switchboard.Router.Addressing;

namespace Switchboard.Router.Resolution;

/// <summary>Where an address goes. One of the nested records below.</summary>
public abstract record AddressResolution
{
    private AddressResolution()
    {
    }

    /// <summary>A local account; the registrar's location lookup comes next.</summary>
    public sealed record LocalAccount(SipAddress Account) : AddressResolution;

    /// <summary>An address outside the local domains, as a SIP URI.</summary>
    public sealed record Remote(string Uri) : AddressResolution;

    /// <summary>Relay through the named external gateway; <see cref="Target"/> is the user part to dial.</summary>
    public sealed record Gateway(string Name, string Target) : AddressResolution;

    /// <summary>Refused: 404, 403, 480, 604 from the data, or 482/483 for loops and long chains.</summary>
    public sealed record Rejection(int StatusCode, string Reason) : AddressResolution;
}
