import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AliasRef, AliasSwapRequest, Subject } from '@aip/contracts';
import { WritesCollection } from '../cache/cache.decorators';
import { AliasesService } from './aliases.service';
import { Handles } from '@aip/platform';

@Controller()
export class AliasesHandler {
  constructor(private readonly aliases: AliasesService) {}

  @Handles(Subject.VectorAliasesResolve)
  resolve(@Payload() request: AliasRef) {
    return this.aliases.resolve(request.name);
  }

  /** Searches cached under the name were answered by the collection it no longer points at. */
  @Handles(Subject.VectorAliasesSwap)
  @WritesCollection()
  swap(@Payload() request: AliasSwapRequest) {
    return this.aliases.swap(request);
  }
}
