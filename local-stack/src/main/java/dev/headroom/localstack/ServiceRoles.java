package dev.headroom.localstack;

/**
 * The two database roles the services use: {@code owner} runs the Flyway migrations and owns every schema and table;
 * {@code app}, the services' own connections, may only read and write rows (no DDL, no other database).
 */
public record ServiceRoles(String ownerUser, String ownerPassword, String appUser, String appPassword) {

    @Override
    public String toString() {
        return "ServiceRoles[" + ownerUser + ", " + appUser + "]";
    }
}
