namespace Switchboard.Registrar.Registration;

/// <summary>RFC 3261 §10.3 REGISTER processing, after authentication and AOR resolution (steps 1–5).</summary>
public interface IRegistrar
{
    RegisterResult Register(RegisterRequest request);
}
