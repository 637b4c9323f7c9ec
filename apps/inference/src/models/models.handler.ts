import { Controller } from '@nestjs/common';

import { Subject, type InferenceModelInfo } from '@aip/contracts';
import { ModelRegistry } from './model-registry.service';
import { Handles } from '@aip/platform';

@Controller()
export class ModelsHandler {
  constructor(private readonly registry: ModelRegistry) {}

  @Handles(Subject.InferenceModels)
  models(): InferenceModelInfo[] {
    return this.registry.describe();
  }
}
