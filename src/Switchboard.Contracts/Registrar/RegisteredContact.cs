namespace Switchboard.Contracts.Registrar;

/// <summary>A binding as listed in a 200 to REGISTER.</summary>
/// <param name="ContactUri">The URI exactly as registered.</param>
/// <param name="ExpiresSeconds">The expiry the registrar chose.</param>
/// <param name="HeaderValue">The whole Contact header value (URI in angle brackets, expires, q, instance, reg-id,
/// the UA's other params), ready to send.</param>
public sealed record RegisteredContact(string ContactUri, long ExpiresSeconds, string HeaderValue);
