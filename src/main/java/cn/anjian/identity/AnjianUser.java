package cn.anjian.identity;

import cn.anjian.platform.oplog.Actor;
import cn.anjian.platform.scope.DataScope;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in user as kept in the session: identity, place in the organisation, roles and permissions. */
public record AnjianUser(long id, String username, String displayName, long regionId, Long departmentId,
		Long entityId, List<Role> roles, Set<String> permissions, boolean mustChangePassword)
		implements Actor, AuthenticatedPrincipal, Serializable {

	public record Role(String code, String name) implements Serializable {
	}

	/** Where the user sits decides the scope: a business, a department, or a region office. */
	public DataScope scope() {
		DataScope.Kind kind = entityId != null ? DataScope.Kind.ENTITY
				: departmentId != null ? DataScope.Kind.DEPARTMENT : DataScope.Kind.REGION;
		return new DataScope(kind, id, regionId, departmentId, entityId);
	}

	/** Until the initial password is changed, the user holds no permission at all. */
	public List<GrantedAuthority> authorities() {
		if (mustChangePassword) {
			return List.of(new SimpleGrantedAuthority("password:change"));
		}
		return permissionAuthorities();
	}

	/** The role permissions; an API token acts with these (the password rule concerns people signing in). */
	public List<GrantedAuthority> permissionAuthorities() {
		return permissions.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
	}

	@Override
	public String getName() {
		return username;
	}

	@Override
	public long userId() {
		return id;
	}

	@Override
	public String roleNames() {
		return String.join(",", roles.stream().map(Role::name).toList());
	}
}
