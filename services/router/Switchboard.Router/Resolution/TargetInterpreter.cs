using Switchboard.Router.Addressing;
using Switchboard.Router.Routing;

namespace Switchboard.Router.Resolution;

/// <summary>Turns a Router record or forwarder target into the next step (see <see cref="RouterTargetText"/>).</summary>
internal static class TargetInterpreter
{
    public static ResolutionStep Interpret(string target, SipAddress current)
    {
        if (RouterTargetText.IsError(target))
        {
            RouterTargetText.TryParseError(target, out var code, out var reason, out _);
            return ResolutionStep.Done(Rejections.Create(code, reason));
        }
        var text = target.AsSpan();
        var hasScheme = SipAddress.StripScheme(ref text);
        var at = text.LastIndexOf('@');
        if (!hasScheme && at >= 0 && text[(at + 1)..].StartsWith(RouterTargetText.GatewayPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = text[(at + 1 + RouterTargetText.GatewayPrefix.Length)..].ToString();
            return ResolutionStep.Done(new AddressResolution.Gateway(name, text[..at].ToString()));
        }
        if (!hasScheme && at < 0)
        {
            // A bare user part stays in the domain being resolved.
            var sameDomain = new SipAddress(target, current.Domain);
            return ResolutionStep.Continue(sameDomain, UriText.From(sameDomain.ToString()));
        }
        return SipAddress.TryParse(target, out var next)
            ? ResolutionStep.Continue(next, UriText.From(target))
            : ResolutionStep.Done(new AddressResolution.Rejection(500, $"Invalid routing target '{target}'"));
    }
}
