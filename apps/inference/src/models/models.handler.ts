import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Subject, type InferenceModelInfo } from '@aip/contracts';
import { ModelRegistry } from './model-registry.service';

@Controller()
export class ModelsHandler {
  constructor(private readonly registry: ModelRegistry) {}

  @MessagePattern(Subject.InferenceModels)
  models(): InferenceModelInfo[] {
    return this.registry.describe();
  }
}
