using Switchboard.Router.Addressing;

namespace Switchboard.Router.Resolution;

/// <summary>The outcome of one resolution step: a final answer, or the next address (and its URI) to resolve.</summary>
internal readonly record struct ResolutionStep(AddressResolution? Final, SipAddress Next, string NextUri)
{
    public static ResolutionStep Done(AddressResolution final) => new(final, default, "");

    public static ResolutionStep Continue(SipAddress next, string uri) => new(null, next, uri);
}
