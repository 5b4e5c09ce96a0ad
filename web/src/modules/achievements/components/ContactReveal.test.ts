import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { api } from '@/shared/api'
import { session } from '@/shared/session'
import type { User } from '@/shared/types'
import ContactReveal from './ContactReveal.vue'

vi.mock('vue-router', () => ({ useRoute: () => ({ fullPath: '/talents/7' }) }))

afterEach(() => {
  vi.restoreAllMocks()
  session.user = null
})

const mountReveal = () =>
  mount(ContactReveal, {
    props: { talentId: '7', phone: '138****5678', email: 'l***@example.cn' },
    global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } },
  })

describe('ContactReveal', () => {
  it('shows a visitor the masked values and asks them to sign in, without asking the server', async () => {
    const get = vi.spyOn(api, 'get')
    const wrapper = mountReveal()
    expect(wrapper.get('[data-test=contact-phone]').text()).toBe('138****5678')
    await wrapper.get('[data-test=show-contact]').trigger('click')
    expect(wrapper.find('[data-test=contact-sign-in]').exists()).toBe(true)
    expect(get).not.toHaveBeenCalled()
  })

  it('reveals to a signed-in user through the audited contact call', async () => {
    session.user = { id: '3', username: 'company1', roles: ['enterprise'] } as User
    const get = vi.spyOn(api, 'get').mockResolvedValue({ id: '7', contact_phone: '13812345678', contact_email: 'li@example.cn' })
    const wrapper = mountReveal()
    await wrapper.get('[data-test=show-contact]').trigger('click')
    await flushPromises()
    expect(get).toHaveBeenCalledWith('/talents/7/contact')
    expect(wrapper.get('[data-test=contact-phone]').text()).toBe('13812345678')
    expect(wrapper.get('[data-test=contact-email]').text()).toBe('li@example.cn')
    expect(wrapper.find('[data-test=show-contact]').exists()).toBe(false)
  })
})
