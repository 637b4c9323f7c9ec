import { Module } from '@nestjs/common';
import { TrafficModule } from '../traffic/traffic.module';
import { APP_GUARD } from '@nestjs/core';
import { AdminKeysController } from './admin-keys.controller';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator.service';
import { KeyStore } from './key-store.service';
import { WhoamiController } from './whoami.controller';

@Module({
  imports: [TrafficModule],
  controllers: [AdminKeysController, WhoamiController],
  providers: [KeyStore, Authenticator, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [Authenticator],
})
export class AuthModule {}
