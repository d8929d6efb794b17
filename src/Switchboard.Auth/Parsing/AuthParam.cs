namespace Switchboard.Auth.Parsing;

/// <summary>One <c>name=value</c> auth-param, the value already unquoted and unescaped.</summary>
public readonly record struct AuthParam(string Name, string Value, bool WasQuoted);
