package cn.anjian.platform.oplog;

/** Who acts: implemented by the signed-in user's principal, so the log needs nothing from the identity module. */
public interface Actor {

	long userId();

	String displayName();

	String roleNames();

	long regionId();
}
