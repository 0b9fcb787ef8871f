package cn.anjian.registry;

/** An expired safety licence was renewed (its validity now reaches today or later): the warning's cause ended. */
public record LicenceRenewed(long licenceId, long entityId, long regionId, java.time.Instant at) {
}
