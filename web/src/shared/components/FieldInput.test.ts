import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { ElForm } from 'element-plus'
import { h } from 'vue'
import type { FieldSpec } from '@/shared/kinds'
import type { FieldValue } from '@/shared/fieldValues'
import FieldInput from './FieldInput.vue'

function field(overrides: Partial<FieldSpec>): FieldSpec {
  return { name: 'name', type: 'text', required: false, max_chars: 0, choices: [], ...overrides }
}

/** Mounts one FieldInput inside a form (as pages use it) and records what it emits. */
function mountField(props: { field: FieldSpec; modelValue: FieldValue; label: string; [k: string]: unknown }) {
  const emitted: FieldValue[] = []
  const wrapper = mount({
    render: () => h(ElForm, null, () => h(FieldInput, { ...props, 'onUpdate:modelValue': (v: FieldValue) => emitted.push(v) })),
  })
  return { wrapper, emitted }
}

describe('FieldInput', () => {
  it('draws a text field with its label, limit, required mark, test id and error', () => {
    const { wrapper } = mountField({
      field: field({ name: 'name', required: true, max_chars: 100 }),
      modelValue: '质谱仪',
      label: '仪器名称',
      error: '必填',
      test: 'f-name',
    })
    const item = wrapper.find('[data-field=name]')
    expect(item.exists()).toBe(true)
    expect(item.classes()).toContain('is-required')
    expect(item.text()).toContain('仪器名称')
    const input = wrapper.find('input[data-test=f-name]')
    expect((input.element as HTMLInputElement).value).toBe('质谱仪')
    expect(input.attributes('maxlength')).toBe('100')
  })

  it('emits what is typed', async () => {
    const { wrapper, emitted } = mountField({ field: field({}), modelValue: '', label: 'x', test: 't' })
    await wrapper.find('input[data-test=t]').setValue('新名称')
    expect(emitted[emitted.length - 1]).toBe('新名称')
  })

  it('draws long text as a text area', () => {
    const { wrapper } = mountField({ field: field({ type: 'long_text', max_chars: 5000 }), modelValue: 'a', label: 'x' })
    expect(wrapper.find('textarea').attributes('maxlength')).toBe('5000')
  })

  it('shows money in yuan and emits fen', async () => {
    const { wrapper, emitted } = mountField({
      field: field({ name: 'original_value_fen', type: 'money' }),
      modelValue: 358000000,
      label: '原值',
      test: 'f-value',
    })
    const input = wrapper.find('[data-test=f-value] input')
    expect((input.element as HTMLInputElement).value).toBe('3580000.00')
    await input.setValue('12.34')
    await input.trigger('change')
    expect(emitted[emitted.length - 1]).toBe(1234)
  })

  it("offers an enum_list's choices from the description with labels from the page", () => {
    const { wrapper } = mountField({
      field: field({ name: 'service_modes', type: 'enum_list', choices: ['on_site', 'remote'] }),
      modelValue: ['remote'],
      label: '服务方式',
      choiceLabel: (v: string) => ({ on_site: '现场', remote: '远程' })[v] ?? v,
    })
    const boxes = wrapper.findAll('.el-checkbox')
    expect(boxes.map((b) => b.text())).toEqual(['现场', '远程'])
    expect(boxes[1].classes()).toContain('is-checked')
  })

  it("lets the page's slot replace the input and overrides required", () => {
    const wrapper = mount({
      render: () =>
        h(ElForm, null, () =>
          h(
            FieldInput,
            { field: field({ name: 'class_code', type: 'code' }), modelValue: '', label: '分类', required: true },
            { default: () => h('span', { class: 'own' }, 'own input') },
          ),
        ),
    })
    expect(wrapper.find('.own').exists()).toBe(true)
    expect(wrapper.find('input').exists()).toBe(false)
    expect(wrapper.find('[data-field=class_code]').classes()).toContain('is-required')
  })
})
