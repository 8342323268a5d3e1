/** Who helps in the shop. The owner may do everything; the others only what their role lists in access.ts. */
export const teamRoles = ['owner', 'seller', 'stall', 'delivery'] as const;
export type TeamRole = (typeof teamRoles)[number];
