namespace Switchboard.Contracts.Gateway;

/// <summary>One header field as text: the long header name and one value (list headers: one element per field).</summary>
public readonly record struct SipHeaderField(string Name, string Value);
