import { Module } from '@nestjs/common';
import { AdminKeysController } from './admin-keys.controller';
import { Authenticator } from './authenticator.service';
import { KeyStore } from './key-store.service';
import { WhoamiController } from './whoami.controller';

@Module({
  controllers: [AdminKeysController, WhoamiController],
  providers: [KeyStore, Authenticator],
  exports: [Authenticator],
})
export class AuthModule {}
