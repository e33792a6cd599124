/**
 * Portcullis' public contract: the authorization annotations, the {@link dev.portcullis.Security}
 * facade and the non-secret {@link dev.portcullis.SecurityUser} view.
 *
 * <pre>{@code
 * @Path("admin") @AuthRequired @RolesRequired("admin")
 * public class AdminResource { ... }
 * }</pre>
 */
package dev.portcullis;
