import { formatDemoLogins } from "../prisma/demo-users";

console.log(formatDemoLogins());
