import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail.service';
import { UsageController } from './usage.controller';
import { UsageService } from './usage.service';

@Global()
@Module({
  controllers: [UsageController],
  providers: [UsageService, AuditTrail],
  exports: [UsageService, AuditTrail],
})
export class UsageModule {}
