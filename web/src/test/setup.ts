import { addModuleTexts } from '@/modules'

// Components under test call t(): give them the same texts as the app.
addModuleTexts()
