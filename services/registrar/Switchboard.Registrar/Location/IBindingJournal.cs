namespace Switchboard.Registrar.Location;

/// <summary>Where the store reports committed changes so they survive a restart. Called under the AOR
/// lock, so calls for one AOR arrive in commit order; implementations must not call back into the store.</summary>
public interface IBindingJournal
{
    void Upsert(Binding binding);

    void Delete(string aor, string contactUri);
}
